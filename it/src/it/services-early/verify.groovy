import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD') }
assert runs.size() == 3 : "expected 3 builds, found ${runs.size()}"

// 1: mvn test reaches no integration test: no stack, not even in the background.
assert runs[0].contains('BUILD SUCCESS')
assert !runs[0].contains('jtest: starting') && !runs[0].contains('background')

// 2: started while the unit test ran, adopted by jtest:start: its lines are printed when the goal
// runs, the tests see the services, and the stack is removed as usual.
def adopted = runs[1]
assert adopted.contains('BUILD SUCCESS')
def goal = adopted.indexOf(':start (jtest-start) @ services-early')
assert goal > 0
def early = adopted.indexOf('jtest: collecting the stack started in the background while the build ran (jtest.earlyStart)')
assert early > goal && early < adopted.indexOf('jtest: starting 1 service(s)')
assert adopted.indexOf('jtest: starting 1 service(s)') > goal : 'the start is reported where jtest:start runs'
assert adopted.indexOf('jtest: stack ready in') > goal
assert adopted.contains('Tests run: 1, Failures: 0, Errors: 0')
assert adopted.contains('jtest: services stopped and removed')

// 3: the unit test failed after the background start began: the extension removes the stack.
def failed = runs[2]
assert failed.contains('BUILD FAILURE') && failed.contains('failing on purpose')
assert failed =~ /jtest: the build ended before jtest:start: removing the services started in the background \(run [0-9a-f]{8}\)/
assert !failed.contains(':start (jtest-start)')

// Nothing is left on the engine.
def project = new JsonSlurper().parse(new File(basedir, 'target/jtest/run.json')).projectId
def left = ['docker', 'ps', '-aq', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim()
left += ['docker', 'network', 'ls', '-q', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim()
left += ['docker', 'volume', 'ls', '-q', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim()
assert left.isEmpty() : "left on the engine: ${left}"
