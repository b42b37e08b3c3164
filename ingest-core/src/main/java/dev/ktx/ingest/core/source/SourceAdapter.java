package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.repo.RepoTree;
import java.io.IOException;
import java.util.List;

/** One kind of source (dbt, Metabase, Notion): fetch its raw input, then split the work into units. */
public interface SourceAdapter {

    /** The {@code <sourceKey>} of {@code raw-sources/<conn>/<sourceKey>/} and {@code provenance/<conn>/<sourceKey>/}. */
    String sourceKey();

    /** Reads the input from the snapshot directory or the live API. Bad input → exception naming what is wrong. */
    RawSnapshot fetch(SourceContext context) throws IOException, InterruptedException;

    /** Splits the staged snapshot into work units; {@code base} is the session tree they will all read. */
    List<WorkUnit> plan(StagedSnapshot snapshot, SourceContext context, RepoTree base);
}
