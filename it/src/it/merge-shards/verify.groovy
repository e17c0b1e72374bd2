import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD') }
assert runs.size() == 7 : "expected 7 builds, found ${runs.size()}"

// 1-3. Each shard ran its own tests and kept its own store and timeline.
def classes = ['AlphaTest': 3, 'BetaTest': 2, 'GammaTest': 4]
def json = { String path -> new JsonSlurper().parse(new File(basedir, path)) }
classes.eachWithIndex { cls, count, i ->
  def run = runs[i]
  assert run.contains('BUILD SUCCESS')
  assert run.contains("Tests run: ${count}, Failures: 0, Errors: 0, Skipped: 0")
  def store = json("shards/${i + 1}/.jtest/durations.json")
  assert store.tests.size() == count
  assert store.tests.keySet().every { it.contains("[class:sample.${cls}]") }
  assert json("shards/${i + 1}/target/jtest/timeline-surefire.json").phases[0].predictedMillis != null
}

// 4. The merged store holds every test of every shard once.
def durations = runs[3]
assert durations.contains('BUILD SUCCESS')
def merged = json('.jtest/durations.json')
assert merged.format == 'jtest-durations/1'
assert merged.tests.size() == 9
classes.each { cls, count ->
  assert merged.tests.keySet().count { it.contains("[class:sample.${cls}]") } == count
}
assert durations =~ /jtest: merged 3 stores into .*\.jtest.durations\.json: 9 tests, 9 new, 0 updated/
assert durations.contains('jtest: the 9 slowest of 9 recorded tests:')
// The slowest first: BetaTest.step2 sleeps 400 ms.
def slowest = durations.readLines().find { it =~ /jtest:\s+[\d.]+ s  \[engine/ }
assert slowest.contains('[class:sample.BetaTest]/[method:step2()]') : slowest
assert durations =~ /jtest: plan for 2 shards × 2 workers \(jtest\.dist=load, 9 units\): predicted makespan [\d.]+ s, ideal [\d.]+ s/
assert durations =~ /jtest:   shard 1\/2: \d units, [\d.]+ s of work, [\d.]+ s on 2 workers/
assert durations =~ /jtest:   shard 2\/2: \d units, [\d.]+ s of work, [\d.]+ s on 2 workers/

// 5. One picture of all three shards, each with its predicted and actual time.
def timeline = runs[4]
assert timeline.contains('BUILD SUCCESS')
(1..3).each { s ->
  def count = classes.values()[s - 1]
  assert timeline =~ /jtest: shard shards\/${s} \(surefire\): ${count} tests, actual [\d.]+ s \(wall time [\d.]+ s\), predicted [\d.]+ s/
}
assert timeline =~ /jtest: timeline of 3 shards: .*timeline-shards\.html/
def page = new File(basedir, 'target/jtest/timeline-shards.html').text
assert page.contains('<svg')
(1..3).each { assert page.contains("<td>shards/${it} (surefire)</td>") }
classes.keySet().each { assert page.contains(it) }

// 6. An entry that matches nothing fails, naming it.
assert runs[5].contains("-Djtest.merge: 'shards/9' matches no durations stores in ")
assert runs[5].contains('(a directory is searched for {durations-*-shard-*.json,durations.json})')
assert runs[5].contains('BUILD FAILURE')

// 7. A matched file that is no durations store fails, naming it and why.
assert runs[6] =~ /-Djtest\.merge names .*pom\.xml, which is not a jtest durations store that can be read \(cannot read durations from .*pom\.xml \(unexpected character '<' at offset 0\)\): name the stores the shards wrote/
assert runs[6].contains('BUILD FAILURE')
