def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD') }
assert runs.size() == 3 : "expected 3 builds, found ${runs.size()}"
def mapped = runs[0], edited = runs[1], compose = runs[2]
runs.each { assert it.contains('BUILD SUCCESS') }

// 1. Both tests run and the map names each one's classes.
assert mapped.contains('Tests run: 2, Failures: 0, Errors: 0')
def map = new groovy.json.JsonSlurper().parse(new File(basedir, '.jtest/test-map.json'))
assert map.format == 'jtest-test-map/1'
def a = map.tests['[engine:junit-jupiter]/[class:sample.AIT]/[method:callsX(dev.jtest.junit.ServiceEndpoint)]']
def b = map.tests['[engine:junit-jupiter]/[class:sample.BIT]/[method:callsY(dev.jtest.junit.ServiceEndpoint)]']
// Measured in the service by its JaCoCo agent, test by test: each handler is charged to its caller only.
assert a.classes.contains('sample/XHandler') && !a.classes.contains('sample/YHandler') : a
assert b.classes.contains('sample/YHandler') && !b.classes.contains('sample/XHandler') : b
assert map.classes['sample/XHandler'] ==~ /[0-9a-f]{16}/

// 2. XHandler.java changed: AIT runs, BIT does not, and -Djtest.affected.explain says why.
assert edited.contains('jtest: affected since HEAD: 1 of 2 tests run (1 changed classes, 1 changed files); 1 skipped')
assert edited.contains('jtest: affected: 1 ran a changed class')
assert edited.contains('jtest:   runs AIT.callsX: ran sample.XHandler, changed in src/main/java/sample/XHandler.java')
assert edited.contains('jtest:   skips BIT.callsY')
assert edited.contains('Tests run: 1, Failures: 0, Errors: 0')
assert !edited.contains('ignores the change')

// 3. The compose file changed: every test runs, in one line saying why.
assert compose.contains('jtest: affected since HEAD: all 2 tests run: docker-compose.yml changed (matches *compose*.yml in jtest.affected.all)')
assert compose.contains('Tests run: 2, Failures: 0, Errors: 0')
def reports = new File(basedir, 'target/failsafe-reports')
assert new File(reports, 'TEST-sample.AIT.xml').isFile()
assert new File(reports, 'TEST-sample.BIT.xml').isFile()
