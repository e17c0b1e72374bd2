package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtest.junit.ComposeService;
import dev.jtest.junit.WithServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@WithServices
class FlakyIT {

  /** Fails on its first attempt (a counter file in target/ says which it is), passes on the rerun. */
  @Test
  void secondTimeLucky(@ComposeService("web") URI web) throws Exception {
    Path attempts = Path.of(System.getProperty("sample.attempts"));
    int attempt = Files.exists(attempts) ? Integer.parseInt(Files.readString(attempts).trim()) + 1 : 1;
    Files.writeString(attempts, Integer.toString(attempt));
    System.out.println("attempt " + attempt);
    int status =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(web.resolve("/attempt-" + attempt + "-marker")).build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode();
    assertEquals(404, status);
    assertEquals(2, attempt, "the first attempt fails");
  }

  @Test
  void steady() {}
}
