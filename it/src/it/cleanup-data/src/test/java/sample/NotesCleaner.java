package sample;

import dev.jtest.junit.ServiceEndpoint;
import dev.jtest.junit.TestDataCleaner;
import java.util.Arrays;
import java.util.List;

/** A Java cleaner for what no compose cleaner reaches: the registry's notes. */
public class NotesCleaner implements TestDataCleaner {

  @Override
  public List<String> show(Context context) {
    try {
      String body = Api.send(context.service("registry").url("/notes"), "GET", null);
      return body.isBlank() ? List.of() : Arrays.asList(body.split("\n"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void clean(Context context, List<String> names) {
    ServiceEndpoint registry = context.service("registry");
    for (String name : names) {
      try {
        Api.send(registry.url("/notes?title=" + Api.encode(name)), "DELETE", null);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
