import adminDocument from '../../generated/admin.document.js';
import { createDocumentResolver } from '../../openapi/document-resolver.js';

/**
 * The resolver of the control API's document (`openapi/admin.yaml`), built once for every admin module
 * that reads what the document says about an operation.
 *
 * @example
 * adminResolver.at('/paths/~1__admin~1health/get/security'); // []
 */
export const adminResolver = createDocumentResolver(adminDocument);
