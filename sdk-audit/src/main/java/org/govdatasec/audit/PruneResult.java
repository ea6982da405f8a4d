package org.govdatasec.audit;

import java.util.List;

/**
 * What a prune removed (TX-2): whole segments, all older than the retention floor and covered by a
 * signed checkpoint, and the sequence number of the {@code LOG_PRUNED} event that records it.
 *
 * @param segments the file names of the removed segments
 * @param firstKeptSeq the first sequence number still in the log
 * @param eventSeq the sequence number of the prune event
 */
public record PruneResult(List<String> segments, long firstKeptSeq, long eventSeq) {

  /**
   * Copies the list.
   *
   * @param segments the removed segments
   * @param firstKeptSeq the first kept sequence number
   * @param eventSeq the prune event's sequence number
   */
  public PruneResult {
    segments = List.copyOf(segments);
  }
}
