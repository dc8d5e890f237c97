import type { IotSystem } from '../../contracts/assessment.schema';
import type { StoredSystem } from '../../db/system.repository';

/** A system as the API shows it. */
export function presentSystem(system: StoredSystem): IotSystem {
  return {
    id: system.id,
    name: system.name,
    description: system.description,
    business: system.business,
    criticality: system.criticality,
    ownerName: system.ownerName,
    protectedFunctions: [...system.protectedFunctions],
    protectedInformation: [...system.protectedInformation],
    internetFacing: system.internetFacing,
    tags: [...system.tags],
    version: system.version,
    createdAt: system.createdAt,
    updatedAt: system.updatedAt,
  };
}
