import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text

assert log.contains('jtest: stack kept running (jtest.keepRunning)')
assert log =~ /jtest: reusing the stack kept by an earlier build \(run [0-9a-f]{8}\): compose model unchanged, every service running/
assert log.contains('web: serving')
assert log.contains('Stack: running, run ')
assert log =~ /web: running, restarts 0/
assert log.contains('API_TOKEN=****') && !log.contains('do-not-print-me')
assert log.contains('GREETING=hello')
assert log =~ /jtest: removed the kept stack \(run [0-9a-f]{8}\)/
assert !new File(basedir, 'target/jtest/state.json').exists()
// A build that ends before jtest:stop (here: at pre-integration-test) still removes its services.
assert log =~ /jtest: the build ended before jtest:stop: removing the services of run [0-9a-f]{8}/

// The goals alone with jtest.keepRunning: the build ends before jtest:stop, and the stack stays
// (a diagnose afterwards sees it running), until jtest:stop.
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD') }
assert runs.size() == 9 : "expected 9 builds, found ${runs.size()}"
assert !runs[6].contains('the build ended before jtest:stop') && runs[6].contains('jtest: stack kept running (jtest.keepRunning)')
assert runs[7].contains('Stack: running, run ')
assert runs[8] =~ /jtest: removed the kept stack \(run [0-9a-f]{8}\)/

def project = new JsonSlurper().parse(new File(basedir, 'target/jtest/run.json')).projectId
assert ['docker', 'ps', '-aq', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim().isEmpty()
assert ['docker', 'network', 'ls', '-q', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim().isEmpty()
