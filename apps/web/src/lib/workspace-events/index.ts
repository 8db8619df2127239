/** The workspace event registry: features declare the events they listen to and the queries they refresh. */
export { queriesMadeStaleBy, queriesToCatchUp, registerWorkspaceEventQueries, type WorkspaceEventQueries } from './registry';
