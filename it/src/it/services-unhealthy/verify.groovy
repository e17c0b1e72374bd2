import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text

// On Podman (no systemd timers) jtest runs the healthcheck itself and says so.
assert log =~ /service 'never-healthy' is not ready after 4\.\d s \(timeout 4s\); still waiting for healthcheck: the container's healthcheck(, run by jtest \(test -f \/tmp\/never\))? -> starting, last check: exit 1/
assert log.contains('Last 4 lines of its output (full log: ')
assert log.contains('  | boot line 3')
assert log.contains('  | waiting for a config that never comes')
assert log.contains('BUILD FAILURE')
assert !log.contains('Tests run:') : 'no test may run against a stack that is not ready'
assert new File(basedir, 'target/jtest/logs/never-healthy.log').text.contains('boot line 1')
assert new File(basedir, 'target/jtest/logs/bystander.log').isFile()

def project = new JsonSlurper().parse(new File(basedir, 'target/jtest/run.json')).projectId
def left = ['docker', 'ps', '-aq', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim()
left += ['docker', 'network', 'ls', '-q', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim()
assert left.isEmpty() : "left on the engine: ${left}"
