import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def jtest = new File(basedir, 'target/jtest')

// The tests passed, against services defined through extends, anchors and include.
def summary = new File(basedir, 'target/failsafe-reports/failsafe-summary.xml').text
assert summary.contains('<completed>3</completed>')
assert summary.contains('<failures>0</failures>') && summary.contains('<errors>0</errors>')

// Nothing of the file was ignored: extends, include, name and the x- fragments are all read.
assert !log.contains('is not supported by jtest')
['web', 'store'].each { assert new File(jtest, "logs/${it}.log").isFile() }
assert !new File(jtest, 'logs/httpd.log').exists() : "another file's extended service is not a service of the project"
assert log.contains('jtest: services stopped and removed')

// Nothing is left on the engine.
def project = new JsonSlurper().parse(new File(jtest, 'run.json')).projectId
def left = ['docker', 'ps', '-aq', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim()
left += ['docker', 'network', 'ls', '-q', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim()
assert left.isEmpty() : "left on the engine: ${left}"
