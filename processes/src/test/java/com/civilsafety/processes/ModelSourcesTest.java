package com.civilsafety.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scripts under processes/tools are the models' source: each committed .bpmn is exactly what its script writes,
 * so an edit made to the file alone (and lost at the next run of the script) fails here.
 */
class ModelSourcesTest {
    @TempDir
    Path out;

    @ParameterizedTest
    @CsvSource({"hazard_rectification.py, hazard-rectification.bpmn",
            "whistleblower_triage.py, whistleblower-triage.bpmn",
            "campaign.py, campaign.bpmn", "campaign.py, campaign-phase.bpmn",
            "campaign.py, campaign-deliverable.bpmn", "campaign.py, campaign-dispatch.bpmn"})
    void theCommittedModelIsWhatItsScriptWrites(String script, String model) throws Exception {
        Path tools = Path.of("tools").toAbsolutePath();
        Assumptions.assumeTrue(python(), "python3 is not installed: the models' scripts cannot be run here");
        ProcessBuilder builder = new ProcessBuilder("python3", tools.resolve(script).toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("script.log").toFile());
        builder.environment().put("BPMN_OUT_DIR", out.toString());
        Process run = builder.start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("%s finished", script).isTrue();
        assertThat(run.exitValue()).as("%s: %s", script, Files.readString(out.resolve("script.log"))).isZero();
        assertThat(Files.readString(out.resolve(model)))
                .as("%s is what %s writes (rerun the script, or move the edit into it)", model, script)
                .isEqualTo(Files.readString(Path.of("src/main/resources/processes", model)));
    }

    private static boolean python() throws IOException, InterruptedException {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
