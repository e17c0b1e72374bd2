import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

// Reports: standard files, one per class, totals right.
def totals = { dir ->
  def t = [tests: 0, failures: 0, errors: 0, skipped: 0]
  new File(basedir, dir).eachFileMatch(~/TEST-.*\.xml/) { f ->
    def s = new XmlSlurper().parse(f)
    t.tests += s.@tests.toInteger(); t.failures += s.@failures.toInteger()
    t.errors += s.@errors.toInteger(); t.skipped += s.@skipped.toInteger()
  }
  t
}
assert totals('target/surefire-reports') == [tests: 6, failures: 0, errors: 0, skipped: 0]
assert totals('target/failsafe-reports') == [tests: 10, failures: 0, errors: 0, skipped: 0]
def mixed = new XmlSlurper().parse(new File(basedir, 'target/failsafe-reports/TEST-sample.MixedIT.xml'))
assert mixed.@tests.toInteger() == 5
def summary = new XmlSlurper().parse(new File(basedir, 'target/failsafe-reports/failsafe-summary.xml'))
assert summary.completed.text() == '10'

// Timestamps the tests wrote: worker, start, end, pid.
def runs = [:]
new File(basedir, 'target/times').eachFile { f ->
  def p = f.text.trim().split(' ')
  runs[f.name] = [worker: p[0], start: p[1].toLong(), end: p[2].toLong(), pid: p[3]]
}
assert runs.size() == 16
def serial = runs.findAll { k, v -> k.startsWith('GlobalStateIT') || k.contains('.serial') }
assert serial.size() == 4
serial.each { name, s ->
  assert s.worker == '1'
  runs.each { other, o ->
    if (other != name) {
      assert s.end <= o.start || o.end <= s.start : "$name overlaps $other"
    }
  }
}
// Workers really ran side by side: two parallel tests of each run overlap, in different JVMs.
['Test', 'IT'].each { kind ->
  def par = runs.findAll { k, v -> k.contains(kind + '.') && !serial.containsKey(k) }.values().toList()
  def overlapping = [par, par].combinations().findAll { a, b ->
    a.pid != b.pid && a.start < b.end && b.start < a.end }
  assert !overlapping.isEmpty() : "no two $kind tests ran at the same time"
  assert par*.worker.toSet() == ['1', '2'] as Set
}
// Serial phase after the parallel one.
def parallelIts = runs.findAll { k, v -> k.contains('IT.') && !serial.containsKey(k) }
assert serial.values()*.start.min() >= parallelIts.values()*.end.max()

assert log =~ /jtest parallel phase: 2 workers, 6 tests/
assert log =~ /jtest parallel phase: 2 workers, 6 tests in 6 units \(jtest.dist=load\)/
assert log =~ /jtest serial phase: 1 worker, 4 tests/
assert new File(basedir, 'target/jtest/timeline.html').text.contains('worker 2')
assert new File(basedir, '.jtest/durations.json').text.contains('jtest-durations/1')
