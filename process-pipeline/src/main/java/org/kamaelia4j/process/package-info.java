/**
 * ProcessPipeline and ProcessGraphline: top-level components in separate JVMs linked by
 * memory-mapped Chronicle queues.
 *
 * <p>Filled by the process-pipeline issue.
 */
package org.kamaelia4j.process;
