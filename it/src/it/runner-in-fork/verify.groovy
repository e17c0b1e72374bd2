// One suite, run by jtest with one worker (module one) and with two (module two). With one worker
// the tests run in Surefire's fork itself, on its main thread; the reports must not tell the two
// runs apart. With two, the serial phase reuses a parallel worker JVM, alone, after the rest.
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

def oneStart = log.indexOf('Building runner-in-fork-one')
def twoStart = log.indexOf('Building runner-in-fork-two')
assert oneStart >= 0 && twoStart > oneStart
def oneText = log.substring(oneStart, twoStart)
def twoText = log.substring(twoStart)
def oneLog = new File(basedir, 'target/one.log')
def twoLog = new File(basedir, 'target/two.log')
oneLog.parentFile.mkdirs()
oneLog.text = oneText
twoLog.text = twoText

def where = { String module ->
  def runs = [:]
  new File(basedir, "$module/target/where").eachFile { f ->
    def p = f.text.trim().split(' ')
    runs[f.name] = [worker: p[0], start: p[1].toLong(), end: p[2].toLong(), pid: p[3], thread: p[4], entry: p[5]]
  }
  assert runs.size() == 12 : "$module: ${runs.keySet()}"
  runs
}

// One worker: every test in one JVM, Surefire's fork (its booter at the bottom of the stack), on
// its main thread, as worker 1; and no worker JVM was started.
def one = where('one')
one.each { name, r ->
  assert r.worker == '1' : name
  assert r.thread == 'main' : name
  assert r.entry == 'org.apache.maven.surefire.booter.ForkedBooter' : "$name ran in ${r.entry}"
}
assert one.values()*.pid.toSet().size() == 1
assert oneText =~ /jtest parallel phase: 1 worker, 11 tests/
assert oneText =~ /jtest serial phase: 1 worker, 2 tests/

// Two workers: worker JVMs, side by side; the serial phase on worker 1, in a JVM of the parallel
// phase (kept, not started anew), after every parallel test ended and alone.
def two = where('two')
def serial = two.findAll { k, v -> k.startsWith('SerialIT') }
def parallel = two.findAll { k, v -> !k.startsWith('SerialIT') }
assert two.values()*.entry.toSet() == ['dev.jtest.surefire.worker.WorkerMain'] as Set
assert parallel.values()*.worker.toSet() == ['1', '2'] as Set
// (The failing tests' files are their reruns', which come after the serial phase.)
def firstRuns = parallel.findAll { k, v -> !(k in ['AlphaIT.fails', 'BetaIT.flaky']) }
serial.each { name, s ->
  assert s.worker == '1'
  assert s.start >= firstRuns.values()*.end.max() : "$name started before the parallel phase ended"
  assert parallel.values()*.pid.contains(s.pid) : "$name ran in a JVM the parallel phase did not use"
}
assert serial.values()*.pid.toSet().size() == 1
assert twoText =~ /jtest parallel phase: 2 workers, 11 tests/

// Reports: the same files, counts, test cases and outcomes (it/src/compare/CompareReports.java).
def compare = { String expected, String actual, File expectedLog, File actualLog ->
  def java = new File(System.getProperty('java.home'), 'bin/java').path
  def process = [java, reportComparison, expected, actual, expectedLog.path, actualLog.path].execute()
  def out = new StringBuilder()
  process.consumeProcessOutput(out, out)
  process.waitFor()
  println out
  [process.exitValue(), out.toString()]
}
def twoReports = new File(basedir, 'two/target/failsafe-reports')
def oneReports = new File(basedir, 'one/target/failsafe-reports')
def (code, out) = compare(twoReports.path, oneReports.path, twoLog, oneLog)
assert code == 0 : "one worker's reports differ from two workers':\n$out"

// ... and the same captured output and failure texts, test by test, and the same properties.
def details = { File dir ->
  def cases = [:]
  def properties = [:]
  dir.eachFileMatch(~/TEST-.*\.xml/) { f ->
    def suite = new XmlSlurper().parse(f)
    // user.timezone: the JDK sets it the first time anything in the fork asks for the time zone.
    properties[f.name] = suite.properties.property.collect { it.@name.text() }.toSet() - 'user.timezone'
    suite.testcase.each { c ->
      def id = c.@classname.text() + '#' + c.@name.text()
      def failure = c.failure.collect { it.@message.text() + '|' + it.@type.text() }
      def flaky = (c.flakyFailure.list() + c.flakyError.list()).collect { it.@message.text() + '|' + it.@type.text() }
      cases[id] = [out: c.'system-out'.text(), err: c.'system-err'.text(), failure: failure,
                   flaky: flaky, skipped: c.skipped.collect { it.@message.text() }]
    }
  }
  [cases, properties]
}
def (oneCases, oneProperties) = details(oneReports)
def (twoCases, twoProperties) = details(twoReports)
assert oneCases == twoCases
assert oneProperties == twoProperties
// Test output: filed under its test set on the console, as Surefire prints it, the same with one
// worker as with two; a failing test's output also goes into its report. Test sets are printed as
// they end, so with two workers their order is the order they happened to end in: compared as
// blocks, not as one sequence. (Maven prints a fork's stderr apart from its stdout, so only
// stdout's place is certain.)
def printed = { String text ->
  def blocks = []
  text.readLines().findAll { it =~ /^\[INFO\] Running infork\.|^(nested|serial) output|^alpha says hello on stdout/ }.each {
    if (it.startsWith('[INFO] Running')) { blocks << [it] } else { blocks[-1] << it }
  }
  blocks.collect { it.join('\n') }.sort()
}
assert printed(oneText) == printed(twoText)
assert oneText.contains('alpha says hello on stderr') && twoText.contains('alpha says hello on stderr')
assert printed(oneText).contains('[INFO] Running infork.AlphaIT\nalpha says hello on stdout')
assert oneCases['infork.AlphaIT#fails'].out == 'alpha fails next\n'
assert oneCases['infork.AlphaIT#fails'].failure == ['arithmetic ==> expected: <2> but was: <3>|org.opentest4j.AssertionFailedError']
assert oneCases['infork.BetaIT#flaky'].flaky == ['first time fails|java.lang.IllegalStateException']

// Both timelines and durations stores are written.
['one', 'two'].each { m ->
  assert new File(basedir, "$m/target/jtest/timeline-failsafe.json").isFile()
  assert new File(basedir, "$m/.jtest/durations.json").text.contains('jtest-durations/1')
}
true
