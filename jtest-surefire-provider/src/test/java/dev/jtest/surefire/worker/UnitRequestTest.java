package dev.jtest.surefire.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

class UnitRequestTest {

  private static final String A = "[engine:junit-jupiter]/[class:p.A]";
  private static final String B = "[engine:junit-jupiter]/[class:p.B]";

  @Test
  void selectsEachTestsClassOnceInTheUnitsOrder() {
    List<String> selected =
        ids(
            UnitRequest.selectors(
                List.of(B + "/[method:x()]", A + "/[method:y()]", B + "/[method:z()]")));

    assertThat(selected).containsExactly(B, A);
  }

  @Test
  void selectsATopLevelItemItselfNotItsEngine() {
    String vintage = "[engine:junit-vintage]/[runner:p.Legacy]";

    assertThat(ids(UnitRequest.selectors(List.of(vintage, A)))).containsExactly(vintage, A);
  }

  @Test
  void selectsTheTestsOfAClassWithNestedOnesOneByOne() {
    String nested = A + "/[nested-class:Inner]/[method:m()]";

    assertThat(ids(UnitRequest.selectors(List.of(A + "/[method:y()]", nested))))
        .containsExactly(A + "/[method:y()]", nested);
  }

  @Test
  void selectsOneInvocationOfAParameterizedTestItselfNotItsClass() {
    // A rerun asks for invocation #3 only: selecting the class would run every invocation.
    String third = A + "/[test-template:t(int)]/[test-template-invocation:#3]";

    assertThat(ids(UnitRequest.selectors(List.of(third, A + "/[method:y()]", B + "/[method:x()]"))))
        .containsExactly(third, A + "/[method:y()]", B);
  }

  @Test
  void keepsTheUnitsTestsAndEverythingBelowAWholeClassUnit() {
    var filter =
        UnitRequest.keepOnly(
            Set.of(A + "/[method:y()]", B), Set.of(UniqueId.parse(A), UniqueId.parse(B)));

    assertThat(filter.apply(descriptor(A + "/[method:y()]")).included()).isTrue();
    assertThat(filter.apply(descriptor(A + "/[method:other()]")).included()).isFalse();
    assertThat(filter.apply(descriptor(B + "/[method:any()]")).included()).isTrue();
    assertThat(filter.apply(descriptor(B + "/[nested-class:N]/[method:deep()]")).included())
        .isTrue();
  }

  @Test
  void keepsAParameterizedTestsTemplateWithItsInvocations() {
    String template = A + "/[test-template:t(int)]";
    var filter = UnitRequest.keepOnly(Set.of(template), Set.of(UniqueId.parse(A)));

    assertThat(filter.apply(descriptor(template)).included()).isTrue();
    assertThat(filter.apply(descriptor(template + "/[test-template-invocation:#1]")).included())
        .isTrue();
  }

  @Test
  void leavesWhatWasSelectedByUniqueIdToTheEngine() {
    var filter = UnitRequest.keepOnly(Set.of(A + "/[method:y()]"), Set.of());

    assertThat(filter.apply(descriptor(A + "/[method:other()]")).included()).isTrue();
  }

  private static List<String> ids(List<DiscoverySelector> selectors) {
    return selectors.stream().map(s -> ((UniqueIdSelector) s).getUniqueId().toString()).toList();
  }

  private static TestDescriptor descriptor(String id) {
    return new AbstractTestDescriptor(UniqueId.parse(id), id) {
      @Override
      public Type getType() {
        return Type.TEST;
      }
    };
  }
}
