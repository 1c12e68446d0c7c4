import type { SubgraphFoundation, SubgraphParts } from '@shop/service';
import type { SupportConfig } from './config';
import type { SupportModels } from './models';

/** The support subgraph's process-wide services, built once from config, connections and models. */
export function createSupportServices(
  _foundation: SubgraphFoundation<SupportConfig, SupportModels>,
) {
  return {};
}

export type SupportServices = ReturnType<typeof createSupportServices>;
export type SupportParts = SubgraphParts<SupportConfig, SupportModels, SupportServices>;
