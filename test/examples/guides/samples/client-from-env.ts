// #region client-from-env
import { OctopusPro } from '@octopuspro/client'

const op = new OctopusPro() // apiKey from OCTOPUSPRO_API_KEY, baseUrl from OCTOPUSPRO_BASE_URL; if one is missing, it throws here

// #endregion client-from-env

export { op }
