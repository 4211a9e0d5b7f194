/**
 * Exposure: the graph of who is tied to whom, each tie with the source that states it, and the paths
 * from a party (a Canadian partner, a customer) to the listed and to the China–Russia defence nexus.
 *
 * <p>{@link org.convergence.graph.ExposureGraph} is a projection in memory (JGraphT) of the latest
 * version of every dataset in the store, rebuilt when a dataset gets a new version ({@link
 * org.convergence.graph.ExposureGraph#following}); it can always be rebuilt from the store. A server
 * shares one, built on a background thread ({@link org.convergence.graph.BackgroundExposureGraph}).
 * Its nodes are parties and events ({@link org.convergence.graph.GraphNode}), its relations FtM's relationship
 * entities and the parties of events ({@link org.convergence.graph.Relation}); paths ({@link
 * org.convergence.graph.ExposurePath}) lead to a target set ({@link org.convergence.graph.Targets}),
 * whose China–Russia defence nexus is defined in one place, {@code ChinaRussiaNexus}. Which parties take
 * part in a co-operation event, for the nexus and for the analytics' co-operation network alike, is
 * read in one place too, {@link org.convergence.graph.CooperationEventParties}.
 *
 * <p>The rule of the package: it reads entities through the store only, and may use the model, the
 * store, the lists' source ids and ASPI's categories ({@code lists}), SIPRI's state ids ({@code
 * trade}) and JGraphT; nothing of screening, analytics, the command line or HTTP.
 */
package org.convergence.graph;
