import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

def summary = { module ->
  def s = new XmlSlurper().parse(new File(basedir, "$module/target/failsafe-reports/failsafe-summary.xml"))
  [completed: s.completed.text(), errors: s.errors.text(), failures: s.failures.text(), skipped: s.skipped.text()]
}
def jtest = summary('jtest')
def stock = summary('stock')
println "jtest: $jtest, stock: $stock"
assert jtest == stock
// Not vacuous: every kind of outcome is there.
assert stock.completed.toInteger() > 20 && stock.errors.toInteger() >= 2
assert stock.failures.toInteger() >= 3 && stock.skipped.toInteger() >= 4

// jtest's report files add up to its summary: nothing lost or overwritten.
def files = [tests: 0, errors: 0, failures: 0, skipped: 0]
new File(basedir, 'jtest/target/failsafe-reports').eachFileMatch(~/TEST-.*\.xml/) { f ->
  def s = new XmlSlurper().parse(f)
  files.tests += s.@tests.toInteger(); files.errors += s.@errors.toInteger()
  files.failures += s.@failures.toInteger(); files.skipped += s.@skipped.toInteger()
}
assert files == [tests: jtest.completed.toInteger(), errors: jtest.errors.toInteger(),
                 failures: jtest.failures.toInteger(), skipped: jtest.skipped.toInteger()]

// The @BeforeAll failure is reported once, though the class was spread over two workers.
def beforeAll = new XmlSlurper().parse(new File(basedir, 'jtest/target/failsafe-reports/TEST-counts.BeforeAllFailsIT.xml'))
assert beforeAll.testcase.size() == 1
assert beforeAll.testcase[0].@name.text() == 'initializationError'
// Output of a test lands in its report.
assert new File(basedir, 'jtest/target/failsafe-reports/TEST-counts.BasicsIT.xml').text.contains('hello from passes')
assert new File(basedir, 'jtest/target/jtest/timeline.html').exists()
