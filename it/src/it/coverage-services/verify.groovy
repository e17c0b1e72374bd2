import groovy.xml.XmlSlurper
def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD') }
assert runs.size() == 3 : "expected 3 builds, found ${runs.size()}"
def stale = runs[0], second = runs[1], first = runs[2]

// 1. A green run with coverage: no "profile could not be activated" warning for -Pcoverage.
assert !log.contains('The requested profile "coverage" could not be activated')
assert first.contains('Tests run: 4, Failures: 0, Errors: 0')
['greeter', 'worker', 'victim'].each { service ->
  assert first =~ /jtest: coverage ${service}: \d+ classes, line [\d.]+ %, branch/
  assert new File(basedir, "target/jtest/coverage/${service}.exec").length() > 0
}
assert first =~ /jtest: service 'victim' exited with code 137 at \d\d:\d\d:\d\d\.\d{3} \([\d.]+ s after the stack was ready\) while the tests ran/
assert first =~ /service 'victim' died or was killed before a graceful stop \(exit code 137\): its coverage holds what the last dump got/
assert first.contains('jtest: coverage report ')
assert first.contains("service 'overwriter' ran with coverage but its JaCoCo agent never answered and left no data: the JVM did not load the agent.")
assert !(first =~ /jtest: coverage overwriter:/) : 'no 0 % report for a service without data'
assert first.contains('BUILD SUCCESS')
// The pom's <coverage><rules> reach the goal the extension binds.
assert first.contains('jtest: coverage rules met: line >= 0.3')

// 2. A rule that fails; the report is still written.
assert second =~ /coverage below the rules \(all services together\):\s+(\[ERROR\]\s+)?line covered ratio 0\.\d\d is below the required 0\.99/
assert second.contains('jtest: coverage report ')
assert second.contains('BUILD FAILURE')

// 3. An image built from older classes than target/classes.
// Both classes of the older build differ (compiled by another javac run, without Maven's -g).
assert stale =~ /service 'greeter' ran 2 classes that differ from the local class files \(sample\.Greeter, sample\.Http\) — rebuild its image/

// The report of the last, green run.
def report = new File(basedir, 'target/site/jtest/coverage')
['index.html', 'jacoco.xml', 'jacoco.csv'].each { assert new File(report, it).isFile() }
assert new File(basedir, 'target/jtest/coverage/merged.exec').isFile()

// Exactly the called handlers are covered, per service, and the shutdown hook's code too.
def parser = new XmlSlurper(false, false, true)
parser.setFeature('http://apache.org/xml/features/nonvalidating/load-external-dtd', false)
def xml = parser.parse(new File(report, 'jacoco.xml'))
def group = { String name -> xml.group.find { it.@name == name } }
def method = { String service, String cls, String name ->
  def m = group(service).package.class.find { it.@name == cls }.method.find { it.@name == name }
  assert m.size() == 1 : "no method ${cls}.${name} in group ${service}"
  def lines = m.counter.find { it.@type == 'LINE' }
  [covered: lines.@covered.toInteger(), missed: lines.@missed.toInteger()]
}
assert method('greeter', 'sample/Greeter', 'hello').covered > 0
assert method('greeter', 'sample/Greeter', 'options').covered > 0
assert method('greeter', 'sample/Greeter', 'unused').covered == 0 && method('greeter', 'sample/Greeter', 'unused').missed > 0
assert method('worker', 'sample/Worker', 'work').covered > 0
// The victim's work ran before it was killed: kept from a dump taken during the run.
assert method('victim', 'sample/Worker', 'work').covered > 0
// Nobody called greeter's code in the worker service: groups keep the services apart.
assert method('worker', 'sample/Greeter', 'hello').covered == 0

def source = new File(basedir, 'src/main/java/sample/Greeter.java').readLines()
def lineOf = { String text -> source.findIndexOf { it.contains(text) } + 1 }
def greeterSource = group('greeter').package.sourcefile.find { it.@name == 'Greeter.java' }
['shutdownSteps++;', 'greeter: shutdown hook done'].each { text ->
  def line = greeterSource.line.find { it.@nr.toInteger() == lineOf(text) }
  assert line.@ci.toInteger() > 0 : "the shutdown hook's line '${text}' (line ${lineOf(text)}) is not covered"
}
assert new File(basedir, 'target/jtest/logs/greeter.log').text.contains('greeter: shutdown hook done')
