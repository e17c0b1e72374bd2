def log = new File(basedir, 'build.log').text
assert log.contains('There was a timeout in the fork')
// The worker that ran the hanging test went with its coordinator.
def pid = new File(basedir, 'target/worker.pid').text.trim().toLong()
def deadline = System.currentTimeMillis() + 10_000
while (ProcessHandle.of(pid).map { it.isAlive() }.orElse(false) && System.currentTimeMillis() < deadline) {
  Thread.sleep(200)
}
assert !ProcessHandle.of(pid).map { it.isAlive() }.orElse(false) : "worker $pid outlived its coordinator"
