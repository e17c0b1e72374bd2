// Starts the second engine (docker/remote-engine.sh) unless it already answers, and remembers that
// this build started it, so that verify.groovy stops it again. Then links the small Java runtime
// that the image copies: the remote engine's containers cannot download one.
def root = new File(basedir, '../../../..').canonicalFile
def script = new File(root, 'docker/remote-engine.sh')
assert script.isFile() : "no ${script}"

def run = { List<String> command ->
  def process = new ProcessBuilder(command).redirectErrorStream(true).start()
  def out = process.inputStream.text
  [process.waitFor(), out]
}

def (status, ignored) = run(['bash', script.path, 'status'])
if (status != 0) {
  def (code, out) = run(['bash', script.path, 'start'])
  println out
  assert code == 0 : "docker/remote-engine.sh start failed:\n${out}"
  new File(basedir, 'remote-engine.started').text = 'stop it after the build\n'
} else {
  def (code, out) = run(['bash', script.path, 'start']) // seeds the base image if it is missing
  assert code == 0 : out
}

def jre = new File(basedir, 'target/jre')
if (!jre.isDirectory()) {
  def jlink = new File(System.getProperty('java.home'), 'bin/jlink')
  def (code, out) = run([jlink.path, '--add-modules', 'java.base,java.instrument,java.management,java.logging,jdk.httpserver',
      '--strip-debug', '--no-header-files', '--no-man-pages', '--output', jre.path])
  assert code == 0 : "jlink failed:\n${out}"
}
