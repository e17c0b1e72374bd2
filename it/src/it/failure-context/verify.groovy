def log = new File(basedir, 'build.log').text

// The console names the slice of the failed test, with its last lines.
assert log =~ /jtest: OrderedIT\.during failed; its services logged \d+ line\(s\) while it ran: \S+failures\S+\.log/
assert log =~ /jtest:   \| web \| \S+: url:\/during-marker/

def failures = new File(basedir, 'target/jtest/failures')
def slices = failures.listFiles().findAll { it.name.endsWith('.log') }
assert slices*.name.sort() == ['OrderedIT.during.log', 'OrderedIT.each.log'] : "a slice per failed test: ${slices*.name}"
def slice = new File(failures, 'OrderedIT.during.log').text
assert slice.startsWith('# OrderedIT.during')
assert slice =~ /(?m)^\s*[+-]\d+\.\d{3}s web \| \S+: url:\/during-marker$/
assert !slice.contains('/before-marker') : 'a line logged before the test started, outside the margin'
assert !slice.contains('interleave') : 'one worker: no other test ran alongside'

// The failed test's entry in its report holds the slice after the test's own output, with the
// file as an attachment; the passing test's entry holds neither.
def report = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/failsafe-reports/TEST-sample.OrderedIT.xml'))
def during = report.testcase.find { it.@name.text().startsWith('during') }
def out = during.'system-out'.text()
assert out.contains('during: asking for the marker')
assert out.indexOf('during: asking for the marker') < out.indexOf('---- jtest: what the services logged while this test ran')
assert out =~ /(?m)^\s*[+-]\d+\.\d{3}s web \| \S+: url:\/during-marker$/
assert !out.contains('/before-marker')
assert out.contains('[[ATTACHMENT|target/jtest/failures/OrderedIT.during.log]]')
def before = report.testcase.find { it.@name.text().startsWith('before') }
assert !before.toString().contains('jtest: what the services logged')
assert !before.'system-out'.text().contains('ATTACHMENT')

// The timeline links the failed test's bar to its slice.
def timeline = new File(basedir, 'target/jtest/timeline.html').text
assert timeline.contains('<a href="failures/OrderedIT.during.log" class="bar FAILED"')

// A parameterized test one of whose invocations failed gets a slice too (JUnit ends the container
// as successful), in the failed invocation's entry only, and a red bar linked to it.
assert new File(failures, 'OrderedIT.each.log').text.contains('url:/param-bad-marker')
def bad = report.testcase.find { it.@name.text().startsWith('each') && it.failure.size() > 0 }
assert bad.'system-out'.text().contains('url:/param-bad-marker')
def ok = report.testcase.find { it.@name.text().startsWith('each') && it.failure.size() == 0 }
assert !ok.toString().contains('jtest: what the services logged')
assert timeline.contains('<a href="failures/OrderedIT.each.log" class="bar FAILED"')
