import java.util.jar.JarFile

// JaCoCo's agent for the test JVM, as jacoco:prepare-agent-integration would add it: per-test
// coverage takes the test JVM's own data too. Taken from the org.jacoco.agent artifact jtest uses.
def versions = new File(localRepositoryPath, 'org/jacoco/org.jacoco.agent').listFiles().findAll { it.isDirectory() }
assert versions.size() == 1 : "one org.jacoco.agent version expected in ${localRepositoryPath}: ${versions}"
def version = versions[0].name
def jar = new JarFile(new File(versions[0], "org.jacoco.agent-${version}.jar"))
def target = new File(basedir, 'target/test-agent/jacocoagent.jar')
target.parentFile.mkdirs()
target.bytes = jar.getInputStream(jar.getEntry('jacocoagent.jar')).bytes
jar.close()
