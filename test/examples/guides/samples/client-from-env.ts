// #region client-from-env
import { OctopusPro } from '@octopuspro/client'

// apiKey from OCTOPUSPRO_API_KEY, baseUrl from OCTOPUSPRO_BASE_URL; if one is missing, it throws here
const op = new OctopusPro()

// #endregion client-from-env

export { op }
