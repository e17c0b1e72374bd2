import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text

assert log.contains("service 'crasher' exited with code 3 while jtest waited for it to be ready")
assert log.contains('  | fatal: /etc/app.conf is missing')
// At once, not after the 60 s timeout.
def readinessStarted = log.readLines().findIndexOf { it.contains('jtest: crasher: started') }
assert readinessStarted >= 0
assert !(log =~ /not ready after/)

def project = new JsonSlurper().parse(new File(basedir, 'target/jtest/run.json')).projectId
assert ['docker', 'ps', '-aq', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim().isEmpty()
