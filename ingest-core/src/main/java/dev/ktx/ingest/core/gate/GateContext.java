package dev.ktx.ingest.core.gate;

/** One check's shared state: the input, its changes by kind, the cached semantic layers, and the change impact. */
record GateContext(
        GateInput input,
        SessionChanges changes,
        SemanticLayerCatalog mainSl,
        SemanticLayerCatalog sessionSl,
        ChangeImpact impact) {

    static GateContext of(GateInput input) {
        SessionChanges changes = SessionChanges.of(input.changes());
        SemanticLayerCatalog mainSl = new SemanticLayerCatalog(input.main());
        SemanticLayerCatalog sessionSl = new SemanticLayerCatalog(input.session());
        return new GateContext(input, changes, mainSl, sessionSl, ChangeImpact.of(changes, mainSl, sessionSl));
    }
}
