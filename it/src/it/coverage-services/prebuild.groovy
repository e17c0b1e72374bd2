import javax.tools.ToolProvider

// An "older build" of Greeter for the stale-image invocation: one line differs.
def source = new File(basedir, 'src/main/java/sample/Greeter.java').text
    .replace('System.out.println("greeter: listening");', 'System.out.println("greeter: listening (an older build)");')
def dir = new File(basedir, 'stale-src/sample')
dir.mkdirs()
new File(dir, 'Greeter.java').text = source
new File(dir, 'Http.java').text = new File(basedir, 'src/main/java/sample/Http.java').text
def out = new File(basedir, 'stale-classes')
out.mkdirs()
def javac = ToolProvider.getSystemJavaCompiler()
assert javac.run(null, null, null, '--release', '17', '-d', out.path,
    new File(dir, 'Greeter.java').path, new File(dir, 'Http.java').path) == 0
