// Stock Failsafe (module stock) and jtest on 2 workers (module jtest) ran the same suite with
// rerunFailingTestsCount=2: their reports must be the same, test by test. The comparison itself is
// it/src/compare/CompareReports.java, which bench/reports uses too.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

// Each module's part of the log, for its closing "Tests run:" line.
def stockStart = log.indexOf('Building runner-stock-reports-stock')
def jtestStart = log.indexOf('Building runner-stock-reports-jtest')
assert stockStart >= 0 && jtestStart > stockStart
def stockLog = new File(basedir, 'target/stock.log')
def jtestLog = new File(basedir, 'target/jtest.log')
stockLog.parentFile.mkdirs()
stockLog.text = log.substring(stockStart, jtestStart)
jtestLog.text = log.substring(jtestStart)

def compare = { String expected, String actual, File expectedLog, File actualLog ->
  def java = new File(System.getProperty('java.home'), 'bin/java').path
  def process = [java, reportComparison, expected, actual, expectedLog.path, actualLog.path].execute()
  def out = new StringBuilder()
  process.consumeProcessOutput(out, out)
  process.waitFor()
  println out
  [process.exitValue(), out.toString()]
}

def stockReports = new File(basedir, 'stock/target/failsafe-reports').path
def jtestReports = new File(basedir, 'jtest/target/failsafe-reports').path
def (code, out) = compare(stockReports, jtestReports, stockLog, jtestLog)
assert code == 0 : "jtest's reports differ from stock Failsafe's:\n$out"

// Not vacuous: stock's own reports hold every case the suite is there for.
def stockText = new File(stockReports).listFiles().findAll { it.name.startsWith('TEST-') }*.text.join('\n')
assert stockText.contains('classname="reports.DisplayNamesIT$WithLong$WithMessage"')
assert stockText.contains('classname="reports.AbstractContract$Iteration$Removal"')
assert stockText.contains('<flakyFailure') && stockText.contains('<rerunFailure') && stockText.contains('<rerunError')
assert stockText.contains('name="initializationError"') && stockText.contains('name="executionError"')
assert stockText.contains('name="hasValue()[1]"') || stockText.contains('hasValue')
assert stockText.contains('name="factory()[2][1]"')
assert stockText.contains('classname="reports.LegacyIT"')
def summary = new XmlSlurper().parse(new File(stockReports, 'failsafe-summary.xml'))
assert summary.flakes.text().toInteger() >= 4 && summary.skipped.text().toInteger() >= 5

// jtest really split SplitIT across both workers (else this build shows nothing about splitting).
def timeline = new JsonSlurper().parse(new File(basedir, 'jtest/target/jtest/timeline-failsafe.json'))
def parallel = timeline.phases.find { it.name == 'parallel' }
assert parallel.bars.findAll { it.test.startsWith('SplitIT.') }*.worker.toSet() == [1, 2] as Set

// The comparison can fail: a doctored copy of stock's reports, one id and one count changed.
def doctored = new File(basedir, 'target/doctored')
doctored.mkdirs()
new File(stockReports).listFiles().each { f ->
  def text = f.text
  if (f.name == 'TEST-reports.SplitIT.xml') {
    text = text.replaceFirst('name="t01"', 'name="t01 renamed"').replaceFirst('tests="30"', 'tests="31"')
  }
  new File(doctored, f.name).text = text
}
def (badCode, badOut) = compare(stockReports, doctored.path, stockLog, stockLog)
assert badCode == 1
assert badOut.contains('reports.SplitIT#t01: expected 1 time(s), actual 0')
assert badOut.contains('TEST-reports.SplitIT.xml: expected {tests=30')
