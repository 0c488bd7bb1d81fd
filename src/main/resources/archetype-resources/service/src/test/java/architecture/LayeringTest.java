package ${package}.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Handlers call logic, logic calls dal, models are shared; nothing calls upwards. */
@AnalyzeClasses(
    packages = "${package}",
    importOptions = LayeringTest.ProductionClassesOnly.class)
class LayeringTest {

  private static final String HANDLERS = "${package}.handlers..";
  private static final String LOGIC = "${package}.logic..";
  private static final String DAL = "${package}.dal..";
  private static final String MODELS = "${package}.models..";

  @ArchTest
  static final ArchRule layersAreRespected =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Handlers")
          .definedBy(HANDLERS)
          .layer("Logic")
          .definedBy(LOGIC)
          .layer("Dal")
          .definedBy(DAL)
          .layer("Models")
          .definedBy(MODELS)
          .whereLayer("Handlers")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Logic")
          .mayOnlyBeAccessedByLayers("Handlers")
          .whereLayer("Dal")
          .mayOnlyBeAccessedByLayers("Logic", "Handlers")
          .whereLayer("Models")
          .mayOnlyBeAccessedByLayers("Handlers", "Logic", "Dal");

  @ArchTest
  static final ArchRule onlyTheWiringOfHandlersTouchesDal =
      noClasses()
          .that()
          .resideInAPackage(HANDLERS)
          .and()
          .doNotHaveSimpleName("HandlerFactory")
          .and()
          .haveNameNotMatching(".*\\.handlers\\.(Route|Needs)(\\$.*)?")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(DAL)
          .because(
              "handlers stay thin: they reach storage through logic; the route table names the"
                  + " tables and indexes each route may touch");

  @ArchTest
  static final ArchRule logicAndModelsAreFreeOfAwsTypes =
      noClasses()
          .that()
          .resideInAnyPackage(LOGIC, MODELS)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("software.amazon.awssdk..", "com.amazonaws..")
          .because("rules must be testable without AWS");

  /**
   * Keeps production classes only. Unlike ImportOption.DoNotIncludeTests it looks at the innermost
   * target folder, so a checkout that itself lies under some test-classes folder is read right.
   */
  static final class ProductionClassesOnly implements ImportOption {
    @Override
    public boolean includes(Location location) {
      String uri = location.asURI().toString();
      int target = uri.lastIndexOf("/target/");
      return target < 0 || !uri.startsWith("/target/test-classes/", target);
    }
  }
}
