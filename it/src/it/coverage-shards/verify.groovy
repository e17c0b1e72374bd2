import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD') }
assert runs.size() == 4 : "expected 4 builds, found ${runs.size()}"

def covered = { String report, String method ->
  def parser = new XmlSlurper(false, false, true)
  parser.setFeature('http://apache.org/xml/features/nonvalidating/load-external-dtd', false)
  def xml = parser.parse(new File(basedir, "${report}/jacoco.xml"))
  def group = xml.group.find { it.@name == 'greeter' }
  def m = group.package.class.find { it.@name == 'sample/Greeter' }.method.find { it.@name == method }
  assert m.size() == 1 : "no method Greeter.${method} in ${report}"
  m.counter.find { it.@type == 'LINE' }.@covered.toInteger() > 0
}

// 1-2. Each shard ran one test against its own greeter and harvested what it covered.
['Hello', 'Bye'].eachWithIndex { test, i ->
  assert runs[i].contains('BUILD SUCCESS')
  assert runs[i].contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
  assert new File(basedir, "shards/${i + 1}/target/jtest/coverage/harvest.json").isFile()
  assert new File(basedir, "shards/${i + 1}/target/jtest/coverage/greeter.exec").length() > 0
}
assert covered('shards/1/target/site/jtest/coverage', 'hello')
assert !covered('shards/1/target/site/jtest/coverage', 'bye')
assert covered('shards/2/target/site/jtest/coverage', 'bye')
assert !covered('shards/2/target/site/jtest/coverage', 'hello')

// 3. The merged report: one greeter group with what either shard covered.
def merged = runs[2]
assert merged.contains('jtest: coverage: merging the harvests of 2 shards')
assert merged =~ /jtest: coverage greeter: \d+ classes, line [\d.]+ %, branch/
assert merged.contains('BUILD SUCCESS')
def report = 'target/site/jtest/coverage'
['index.html', 'jacoco.xml', 'jacoco.csv'].each { assert new File(basedir, "${report}/${it}").isFile() }
assert new File(basedir, 'target/jtest/coverage/shards/greeter.exec').isFile()
assert covered(report, 'hello')
assert covered(report, 'bye')
assert !covered(report, 'unused')

// 4. The rules hold or fail on the merged data.
assert runs[3] =~ /coverage below the rules \(all services together\):\s+(\[ERROR\]\s+)?line covered ratio 0\.\d\d is below the required 0\.99/
assert runs[3].contains('BUILD FAILURE')
