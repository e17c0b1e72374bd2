package dev.jtest.surefire;

import dev.jtest.settings.InvalidSettingException;
import dev.jtest.surefire.coordinator.SurefireSink;
import dev.jtest.surefire.coordinator.TestRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.surefire.api.provider.AbstractProvider;
import org.apache.maven.surefire.api.provider.ProviderParameters;
import org.apache.maven.surefire.api.report.ConsoleOutputCapture;
import org.apache.maven.surefire.api.report.ReporterException;
import org.apache.maven.surefire.api.report.ReporterFactory;
import org.apache.maven.surefire.api.report.TestOutputReportEntry;
import org.apache.maven.surefire.api.report.TestReportListener;
import org.apache.maven.surefire.api.suite.RunResult;
import org.apache.maven.surefire.api.testset.TestSetFailedException;
import org.apache.maven.surefire.api.util.ScanResult;

/**
 * The jtest Surefire provider. In Surefire's single fork it is the coordinator: it discovers the
 * tests, runs the parallel phase on worker JVMs of its own and then the serial phase, and reports
 * every class as one standard test set.
 */
public class JtestProvider extends AbstractProvider {

  private final ProviderParameters parameters;

  public JtestProvider(ProviderParameters parameters) {
    this.parameters = parameters;
  }

  /**
   * Called only with forkCount &gt; 1, which jtest's extension never sets: the scanned classes, so
   * that each fork would run its share with jtest's workers.
   */
  @Override
  public Iterable<Class<?>> getSuites() {
    List<Class<?>> classes = new ArrayList<>();
    ScanResult scan = parameters.getScanResult();
    for (int i = 0; i < scan.size(); i++) {
      try {
        classes.add(Class.forName(scan.getClassName(i), false, parameters.getTestClassLoader()));
      } catch (ClassNotFoundException e) {
        throw JtestRunException.unloadableTestClass(scan.getClassName(i), e);
      }
    }
    return classes;
  }

  @Override
  public RunResult invoke(Object forkTestSet) throws TestSetFailedException, ReporterException {
    ReporterFactory factory = parameters.getReporterFactory();
    TestReportListener<TestOutputReportEntry> listener = factory.createTestReportListener();
    SurefireSink sink = TestRun.sink(listener);
    ConsoleOutputCapture.startCapture(sink::output);
    try {
      new TestRun(parameters, sink).run();
    } catch (InvalidSettingException | JtestRunException e) {
      sink.error(e.getMessage());
      throw new TestSetFailedException(e.getMessage());
    } catch (IOException e) {
      throw new TestSetFailedException("jtest: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestSetFailedException("jtest: interrupted", e);
    }
    return factory.close();
  }
}
