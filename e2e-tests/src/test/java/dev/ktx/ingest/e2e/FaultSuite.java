package dev.ktx.ingest.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One {@link FaultStack} per drill class: started once, brought back after each drill, and replaced by a new one
 * only when a drill left it broken (so one drill's damage never decides the next drill's outcome).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FaultSuite {

    protected FaultStack stack;

    @BeforeAll
    void up() throws Exception {
        stack = FaultStack.up(getClass().getSimpleName());
    }

    @BeforeEach
    void healthy() throws Exception {
        if (!stack.restore()) {
            stack.close();
            stack = FaultStack.up(getClass().getSimpleName());
        }
    }

    @AfterAll
    void down() {
        if (stack != null) {
            stack.close();
        }
    }
}
