package dev.gmailcli.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.gmailcli.cli.Main;
import dev.gmailcli.platform.Env;
import dev.gmailcli.platform.Terminal;

/**
 * The architecture, checked rather than hoped for: layers point one way ({@code cli} → {@code app}
 * → {@code auth}, {@code gmail}, {@code output} → {@code state}, {@code http} → {@code platform} →
 * root), only {@code cli} knows picocli, and only the process edge touches the real streams,
 * environment and exit.
 */
@AnalyzeClasses(packages = "dev.gmailcli", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule layersPointOneWay =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("cli")
          .definedBy("dev.gmailcli.cli..")
          .layer("app")
          .definedBy("dev.gmailcli.app..")
          .layer("auth")
          .definedBy("dev.gmailcli.auth..")
          .layer("gmail")
          .definedBy("dev.gmailcli.gmail..")
          .layer("output")
          .definedBy("dev.gmailcli.output..")
          .layer("state")
          .definedBy("dev.gmailcli.state..")
          .layer("http")
          .definedBy("dev.gmailcli.http..")
          .layer("platform")
          .definedBy("dev.gmailcli.platform..")
          .layer("root")
          .definedBy(resideInAPackage("dev.gmailcli"))
          .whereLayer("cli")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("app")
          .mayOnlyBeAccessedByLayers("cli")
          .whereLayer("auth")
          .mayOnlyBeAccessedByLayers("cli", "app")
          // renderers render the listing's records; the listing never knows its renderers
          .whereLayer("gmail")
          .mayOnlyBeAccessedByLayers("cli", "app", "output")
          .whereLayer("output")
          .mayOnlyBeAccessedByLayers("cli", "app")
          // what gmailcli remembers between runs (cursors); status renders it
          .whereLayer("state")
          .mayOnlyBeAccessedByLayers("cli", "app", "output")
          .whereLayer("http")
          .mayOnlyBeAccessedByLayers("cli", "app", "auth", "gmail")
          .whereLayer("platform")
          .mayOnlyBeAccessedByLayers("cli", "app", "auth", "gmail", "output", "state", "http")
          .whereLayer("root")
          .mayOnlyBeAccessedByLayers(
              "cli", "app", "auth", "gmail", "output", "state", "http", "platform");

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("dev.gmailcli.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule onlyCliKnowsPicocli =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.gmailcli.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("picocli..");

  @ArchTest
  static final ArchRule onlyTheProcessEdgeTouchesSystem =
      noClasses()
          .that(not(belongToAnyOf(Main.class, Env.class, Terminal.class)))
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .orShould()
          .accessField(System.class, "in")
          .orShould()
          .callMethod(System.class, "getenv")
          .orShould()
          .callMethod(System.class, "getenv", String.class)
          .orShould()
          .callMethod(System.class, "exit", int.class)
          .because("core code gets streams, environment and exit through Env and the exit code");
}
