// The suite ran whole (all), then as shards 1/3, 2/3 and 3/3 (the last through
// -Djtest.shard=auto with GitLab's CI_NODE_INDEX/CI_NODE_TOTAL): together the shards must run what
// the whole run did, test by test and outcome by outcome, each test once.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text

// test id -> outcome, from one run's reports; a test reported twice in one run fails at once.
def outcomes = { String run ->
  def dir = new File(basedir, "target/reports-$run")
  assert dir.isDirectory() : "no reports for run $run"
  def result = [:]
  dir.listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }.each { f ->
    new XmlSlurper().parse(f).testcase.each { tc ->
      def id = "${tc.@classname}#${tc.@name}".toString()
      def outcome = tc.failure.size() ? 'failure' : tc.error.size() ? 'error'
          : tc.skipped.size() ? 'skipped' : 'passed'
      assert !result.containsKey(id) : "$id reported twice in run $run"
      result[id] = outcome
    }
  }
  result
}

def all = outcomes('all')
assert all.size() >= 18 : "the whole run reported only $all"
assert all.values().toSet() == ['passed', 'failure', 'skipped'] as Set

def shards = ['s1', 's2', 's3'].collect { outcomes(it) }
def union = [:]
shards.eachWithIndex { shard, i ->
  assert !shard.isEmpty() : "shard ${i + 1}/3 ran nothing"
  shard.each { id, outcome ->
    assert !union.containsKey(id) : "$id ran in two shards"
    union[id] = outcome
  }
}
assert union == all

// OrderedTest keeps its methods together: one shard has all three, in order (each asserts it).
assert shards.count { s -> s.keySet().any { it.startsWith('shards.OrderedTest#') } } == 1
assert union.findAll { id, o -> id.startsWith('shards.OrderedTest#') }.values().every { it == 'passed' }

// One line per shard, and the counts add up.
def counted = 0
(1..3).each { i ->
  def m = log =~ /jtest shard $i\/3: (\d+) of (\d+) tests, /
  assert m.find() : "no shard line for shard $i"
  counted += m.group(1).toInteger()
}
def total = (log =~ /jtest shard 1\/3: \d+ of (\d+) tests/)[0][1].toInteger()
assert counted == total

// The shards planned from the store the whole run wrote and left it alone (one run recorded per
// test); each wrote the tests it ran to a store of its own, for jtest:durations -Djtest.merge.
def store = new JsonSlurper().parse(new File(basedir, '.jtest/durations.json'))
assert !store.tests.isEmpty()
assert store.tests.values().every { it.runs == 1 }
def own = (1..3).collect { i ->
  def f = new File(basedir, "target/jtest/durations-surefire-shard-$i-of-3.json")
  assert f.isFile() : "no store of shard $i"
  new JsonSlurper().parse(f).tests.keySet()
}
assert own.sum { it.size() } == own.flatten().toSet().size()
assert own.flatten().toSet() == store.tests.keySet()

// Bad values fail before any test runs, with one message naming the property and the value.
assert log.contains('Invalid jtest.shard="4/3": there is no shard 4 of 3; use I/N with 1 <= I <= N')
assert log.contains('Invalid jtest.shard="auto": this build runs on GitHub Actions, which sets none of CI_NODE_INDEX/CI_NODE_TOTAL')
assert !new File(basedir, 'target/reports-bad').exists()
assert !new File(basedir, 'target/reports-github').exists()

// An empty shard (more shards than units) says so and passes, as a run with no tests does.
assert log =~ /jtest shard 40\/40: 0 of \d+ tests, 0 of \d+ units, .*: nothing to run in this shard/
