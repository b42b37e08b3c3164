package dev.ktx.ingest.connectors.metabase;

/**
 * A card with its page key and where it lands in the semantic layer, decided once in planning for all units.
 * {@code resolution} is {@code null} for archived cards, which land nowhere.
 */
record PlannedCard(MetabaseCard card, String pageKey, CardResolution resolution) {}
