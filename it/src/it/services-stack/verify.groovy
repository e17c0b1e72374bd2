import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def jtest = new File(basedir, 'target/jtest')

// The tests passed, against real services.
def summary = new File(basedir, 'target/failsafe-reports/failsafe-summary.xml').text
assert summary.contains('<completed>3</completed>')
assert summary.contains('<failures>0</failures>') && summary.contains('<errors>0</errors>')

// Dependency order: api started only once db was healthy; echo, independent, did not wait for db.
def readiness = new JsonSlurper().parse(new File(jtest, 'readiness.json'))
def api = readiness.services.api, db = readiness.services.db, echo = readiness.services.echo
assert api.starting >= db.ready : "api asked to start at ${api.starting} ms before db was ready at ${db.ready} ms"
assert api.created < db.ready : "api's container is created while db warms up (created ${api.created} ms, db ready ${db.ready} ms)"
// Structural, not a race: echo's readiness also depends on how busy the machine is.
assert echo.starting < db.ready : "echo (independent) was asked to start at ${echo.starting} ms, after db was ready at ${db.ready} ms"
assert db.conditions.healthcheck != null
assert new File(jtest, 'logs/db.log').text.contains('db: loading') && api.conditions.http != null && echo.conditions.http != null
assert readiness.ready >= api.ready

// Logs of every service are kept; endpoints were written.
['api', 'db', 'echo'].each { assert new File(jtest, "logs/${it}.log").isFile() }
assert new File(jtest, 'logs/db.log').text.contains('db: accepting connections')
assert new File(jtest, 'logs/api.log').text.contains('api: listening on 8080')
assert new File(jtest, 'services.properties').text =~ /jtest\.api\.url=http:\/\/127\.0\.0\.1:\d+/

assert log.contains('jtest: api: ready after')
assert !new File(jtest, 'logs/debug-console.log').exists() : 'a service of an inactive profile must not start'
assert !log.contains('is not supported by jtest')
assert log =~ /jtest: stack ready in [\d.]+ s: api http:\/\/127\.0\.0\.1:\d+/
assert log.contains('jtest: services stopped and removed')

// Nothing is left on the engine.
def project = new JsonSlurper().parse(new File(jtest, 'run.json')).projectId
def left = ['docker', 'ps', '-aq', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim()
left += ['docker', 'network', 'ls', '-q', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim()
left += ['docker', 'volume', 'ls', '-q', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim()
assert left.isEmpty() : "left on the engine: ${left}"
