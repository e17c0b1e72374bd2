import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def tests = new File(basedir, 'tests')
assert log.contains('BUILD SUCCESS')

// Every test passed, in both phases, and the report files say so.
def totals = [tests: 0, failures: 0, errors: 0, skipped: 0]
new File(tests, 'target/failsafe-reports').eachFileMatch(~/TEST-.*\.xml/) { f ->
  def s = new XmlSlurper().parse(f)
  totals.tests += s.@tests.toInteger(); totals.failures += s.@failures.toInteger()
  totals.errors += s.@errors.toInteger(); totals.skipped += s.@skipped.toInteger()
}
assert totals.tests >= 30 && totals.failures == 0 && totals.errors == 0 && totals.skipped == 0 : totals
['OAuthFlowIT', 'McpProtocolIT', 'IntegrationIT', 'ErrorHandlingIT'].each {
  assert new File(tests, "target/failsafe-reports/TEST-demo.${it}.xml").isFile()
}

// The timeline: a parallel phase on several workers, then the one serial test with nothing else running.
def timeline = new JsonSlurper().parse(new File(tests, 'target/jtest/timeline-failsafe.json'))
def phases = timeline.phases.collectEntries { [it.name, it] }
assert phases.keySet() == ['parallel', 'serial'] as Set : phases.keySet()
def bars = timeline.phases.collectMany { it.bars }
assert bars.every { it.outcome == 'SUCCESSFUL' } : bars.findAll { it.outcome != 'SUCCESSFUL' }
assert bars.size() == totals.tests
// With -Djtest.coverage.perTest (README's cost comparison) the run uses one worker, and says so.
def perTest = log.contains('jtest: per-test coverage (jtest.coverage.perTest): 1 worker')
def workers = perTest ? 1 : 2
assert phases.parallel.workers >= workers && phases.parallel.bars*.worker.toSet().size() >= workers
assert phases.serial.bars*.test == ['OAuthFlowIT.administratorCanCloseRegistration']
def serial = phases.serial.bars[0]
bars.findAll { it != serial }.each { other ->
  assert other.end <= serial.start || serial.end <= other.start : "${other.test} overlaps the serial test"
}
assert log =~ (perTest ? /jtest parallel phase: 1 worker, \d+ tests/ : /jtest parallel phase: \d+ workers, \d+ tests/)
assert log =~ /jtest serial phase: 1 worker, 1 test/
assert log.contains('jtest timeline: ')

// Coverage from inside both containers, down to the lines that verify PKCE and answer 401.
assert log =~ /jtest: coverage auth: \d+ classes, line [\d.]+ %/
assert log =~ /jtest: coverage mcp: \d+ classes, line [\d.]+ %/
assert log.contains('jtest: coverage report ')
def report = new File(tests, 'target/site/jtest/coverage')
['index.html', 'jacoco.xml', 'jacoco.csv'].each { assert new File(report, it).isFile() }
def parser = new XmlSlurper(false, false, true)
parser.setFeature('http://apache.org/xml/features/nonvalidating/load-external-dtd', false)
def xml = parser.parse(new File(report, 'jacoco.xml'))
def group = { String name -> def g = xml.group.find { it.@name == name }; assert g.size() == 1 : "no group $name"; g }
['auth', 'mcp'].each { service ->
  def lines = group(service).counter.find { it.@type == 'LINE' }
  assert lines.@covered.toInteger() > 0 : "$service has no covered line"
}
// The line numbers of a marker in a source file, and whether the service ran them.
def covered = { String service, String module, String path, String marker ->
  def source = new File(basedir, "${module}/src/main/java/${path}").readLines()
  def numbers = source.findIndexValues { it.contains(marker) }.collect { (it + 1) as String }
  assert !numbers.isEmpty() : "marker '$marker' not in $path"
  def dir = path.substring(0, path.lastIndexOf('/')), file = path.substring(path.lastIndexOf('/') + 1)
  def sourcefile = group(service).package.find { it.@name == dir }.sourcefile.find { it.@name == file }
  assert sourcefile.size() == 1 : "no $file in group $service"
  numbers.every { nr -> sourcefile.line.find { it.@nr == nr }.@ci.toInteger() > 0 }
}
assert covered('auth', 'auth', 'demo/auth/Pkce.java', 'String computed = Base64')
assert covered('auth', 'auth', 'demo/auth/Pkce.java', 'code_verifier does not match the code_challenge')
assert covered('mcp', 'mcp', 'demo/mcp/McpServer.java', '.json(401, Map.of("error", "unauthorized"')
assert covered('mcp', 'mcp', 'demo/mcp/McpServer.java', '.json(401, Map.of("error", "invalid_token"')

// The cleanup after the tests (a dry run here) finds no TEST client: every test removed its own.
assert log.contains("jtest: test data (dry run, prefix 'TEST ', nothing changed):")
assert log =~ /jtest:   auth#1: 0 found/
assert log.contains('jtest:   total: 0')

// Nothing left on the engine.
def project = new JsonSlurper().parse(new File(tests, 'target/jtest/run.json')).projectId
assert project
[['ps', '-aq'], ['network', 'ls', '-q'], ['volume', 'ls', '-q']].each { command ->
  def out = (['docker'] + command + ['--filter', "label=dev.jtest.project=${project}"]).execute().text.trim()
  assert out.isEmpty() : "left on the engine: docker ${command.join(' ')} -> ${out}"
}
assert log.contains('jtest: services stopped and removed')

// Per-test coverage (README's cost comparison): the page and the test map of the 34 tests.
if (perTest) {
  assert new File(tests, 'target/site/jtest/coverage/per-test.html').text.contains('OAuthFlowIT.authorizationCodeFlowWithPkce')
  def map = new JsonSlurper().parse(new File(tests, '.jtest/test-map.json'))
  assert map.tests.size() == totals.tests
}
