import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def lines = log.readLines()

// The test failed with a connection error...
assert log =~ /Tests run: 1, Failures: 0, Errors: 1/
assert log.contains('java.net.ConnectException')
// ...and one line says why, right after the tests: which service died, how, and when.
def died = lines.findIndexOf { it =~ /^\[WARNING\] jtest: service 'api' exited with code 137 at \d\d:\d\d:\d\d\.\d{3} \(\d+\.\d s after the stack was ready\) while the tests ran; its log: .*target\/jtest\/logs\/api\.log$/ }
assert died >= 0 : 'no line names the service that died'
def results = lines.findLastIndexOf { it.contains('Tests run: 1, Failures: 0, Errors: 1, Skipped: 0') && !it.contains(' -- in ') }
def stop = lines.findIndexOf { it.contains('--- jtest:') && it.contains(':stop ') }
assert results < died && died < stop : "the line comes after the test results (${results}) and before the stop (${stop}), at ${died}"
assert lines.count { it.contains("jtest: service 'api' exited with code") } == 1
assert !log.contains("jtest: service 'store' exited")
assert log.contains('BUILD FAILURE')

def project = new JsonSlurper().parse(new File(basedir, 'target/jtest/run.json')).projectId
assert ['docker', 'ps', '-aq', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim().isEmpty()
