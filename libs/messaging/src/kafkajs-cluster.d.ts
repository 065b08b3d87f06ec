/** The part of kafkajs's internal cluster class that `coordinator-cache.ts` wraps (kafkajs 2.2.x). */
declare module 'kafkajs/src/cluster' {
  const Cluster: {
    prototype: {
      findGroupCoordinatorMetadata: (this: object, args: { groupId: string; coordinatorType?: number }) => Promise<unknown>;
    };
  };
  export = Cluster;
}
