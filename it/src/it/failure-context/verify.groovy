def log = new File(basedir, 'build.log').text

// The console names the slice of the failed test, with its last lines.
assert log =~ /jtest: OrderedIT\.during failed; its services logged \d+ line\(s\) while it ran: \S+failures\S+\.log/
assert log =~ /jtest:   \| web \| \S+: url:\/during-marker/

def failures = new File(basedir, 'target/jtest/failures')
def slices = failures.listFiles().findAll { it.name.endsWith('.log') }
assert slices.size() == 1 : "one failed test, one slice: ${slices*.name}"
def slice = slices[0].text
assert slice.startsWith('# OrderedIT.during')
assert slice =~ /(?m)^\s*[+-]\d+\.\d{3}s web \| \S+: url:\/during-marker$/
assert !slice.contains('/before-marker') : 'a line logged before the test started, outside the margin'
assert !slice.contains('interleave') : 'one worker: no other test ran alongside'
