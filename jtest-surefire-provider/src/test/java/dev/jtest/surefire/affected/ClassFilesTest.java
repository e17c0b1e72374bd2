package dev.jtest.surefire.affected;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.jacoco.core.internal.data.CRC64;
import org.junit.jupiter.api.Test;

class ClassFilesTest {

  /** A nested class: compiled to its own class file, from this source file. */
  static final class Nested {}

  private static byte[] bytes(Class<?> type) throws Exception {
    String resource = "/" + type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      return in.readAllBytes();
    }
  }

  @Test
  void classIdIsJaCoCosForRealClassFiles() throws Exception {
    for (Class<?> type :
        new Class<?>[] {ClassFilesTest.class, Nested.class, String.class, CRC64.class}) {
      byte[] bytes = bytes(type);
      assertThat(ClassFiles.classId(bytes)).as(type.getName()).isEqualTo(CRC64.classId(bytes));
    }
  }

  @Test
  void classIdCountsAJava9ClassFileAsJaCoCoDoes() throws Exception {
    byte[] bytes = bytes(Nested.class);
    bytes[6] = 0;
    bytes[7] = 53;
    assertThat(ClassFiles.classId(bytes)).isEqualTo(CRC64.classId(bytes));
  }

  @Test
  void readsTheSourceFileOfTopLevelAndNestedClasses() throws Exception {
    assertThat(ClassFiles.sourceFile(bytes(ClassFilesTest.class))).contains("ClassFilesTest.java");
    assertThat(ClassFiles.sourceFile(bytes(Nested.class))).contains("ClassFilesTest.java");
    assertThat(ClassFiles.sourceFile(bytes(String.class))).contains("String.java");
  }

  @Test
  void readsNoSourceFileFromWhatIsNoClassFile() {
    assertThat(ClassFiles.sourceFile(new byte[] {1, 2, 3})).isEmpty();
    assertThat(
            ClassFiles.sourceFile(
                new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0}))
        .isEmpty();
  }
}
