/**
 * Turns a camelCase TypeScript name into the snake_case name used in SQL.
 * A run of capitals counts as one word (`userID` → `user_id`, `HTTPServer` → `http_server`).
 *
 * @example
 * toSnakeCase("createdAt"); // "created_at"
 * toSnakeCase("petDocuments"); // "pet_documents"
 */
export function toSnakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}
