package org.activitylog.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The parts of the model-based contract that do not touch a store: shrinking and generating. */
class ModelMachineryTest {

  /** If this fails, check the removal passes of {@link Shrinker#shrink}. */
  @Test
  @DisplayName("Shrinking keeps exactly the elements the failure needs, whatever their positions")
  void shrinksToTheNeededElements() {
    List<Integer> failing = IntStream.range(0, 50).boxed().toList();

    Shrinker.Result<Integer> r =
        Shrinker.shrink(
            failing, c -> c.contains(3) && c.contains(41) && c.contains(17), x -> List.of(), 1_000);

    assertThat(r.sequence()).as("shrunk sequence").containsExactly(3, 17, 41);
    assertThat(r.exhausted()).as("budget ran out").isFalse();
  }

  /** If this fails, check the simplification pass of {@link Shrinker#shrink}. */
  @Test
  @DisplayName("Shrinking replaces elements by simpler variants while the failure stays")
  void simplifiesElements() {
    Shrinker.Result<Integer> r =
        Shrinker.shrink(
            List.of(9, 40, 12),
            c -> c.stream().mapToInt(Integer::intValue).sum() >= 10,
            x -> x > 0 ? List.of(x - 1) : List.of(),
            1_000);

    assertThat(r.sequence()).as("shrunk sequence").containsExactly(10);
  }

  /** If this fails, check that {@link Shrinker#shrink} counts every replay against the budget. */
  @Test
  @DisplayName("Shrinking stops when the budget of replays runs out, and says so")
  void stopsAtTheBudget() {
    List<Integer> failing = IntStream.range(0, 64).boxed().toList();

    Shrinker.Result<Integer> r = Shrinker.shrink(failing, c -> c.contains(63), x -> List.of(), 5);

    assertThat(r.replays()).as("replays").isEqualTo(5);
    assertThat(r.exhausted()).as("budget ran out").isTrue();
    assertThat(r.sequence()).as("shortest found so far").contains(63);
  }

  /** If this fails, the generator reads something besides its seed. */
  @Test
  @DisplayName("The same seed makes the same sequence, another seed another one")
  void generationIsDeterministic() {
    List<Operation> a = SequenceGenerator.generate(42, 60);
    List<Operation> b = SequenceGenerator.generate(42, 60);
    List<Operation> c = SequenceGenerator.generate(43, 60);

    assertThat(b).as("sequence of the same seed").isEqualTo(a);
    assertThat(c).as("sequence of another seed").isNotEqualTo(a);
  }
}
