// The sample is its own git repository, everything committed: -Djtest.affected=HEAD then sees only
// what the builds themselves change.
def git(String... args) {
  def command = ['git', '-c', 'user.name=jtest', '-c', 'user.email=jtest@example.com', '-c', 'commit.gpgsign=false'] + args.toList()
  def process = command.execute(null, basedir)
  def out = new StringBuilder()
  process.consumeProcessOutput(out, out)
  assert process.waitFor() == 0 : "${command.join(' ')}: ${out}"
}
// The invoker does not copy a .gitignore; the map and durations are a cache here, not committed.
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n.jtest/\n'
git('init', '-q')
git('add', '.')
git('commit', '-q', '-m', 'sample')
