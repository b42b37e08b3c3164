package dev.ktx.ingest.core.source.metabase;

import dev.ktx.ingest.core.source.AdapterHarness;
import org.junit.jupiter.api.Test;

class MetabaseAdapterTest {

    @Test
    void demo() throws Exception {
        AdapterHarness.Result result = MetabaseFixture.runDemo(MetabaseFixture.warehouse());
        System.out.println(result.unitIds());
        result.writes().forEach((p, t) -> System.out.println("=== " + p + "\n" + t));
        result.provenance().forEach(System.out::println);
    }
}
