/** `appflare --help`. */
export const usage = `Usage: appflare <command> [options]

Commands:
  init [dir] [-t react|backend]   scaffold an app (config, schema, a query and a mutation, tsconfig);
                                  react adds a Vite page in web/ with a live query (asked on a
                                  terminal, react by default; backend when there is no terminal)
  build [--no-typecheck]          generate <outDir> and wrangler.json, then type-check the app
  dev [--no-wrangler] [-- args]   build, apply local migrations, run wrangler dev, regenerate on change
  migrate [--local|--remote] [--name <name>] [--rename table.old=new]... [--allow-data-loss]
          [--persist-to <dir>]
                                  write the schema's next SQL migration (checked on a copy of the
                                  local database first), apply it with wrangler; renames are asked
                                  on a terminal, else given with --rename (a table: --rename old=new);
                                  drops and table rebuilds need --allow-data-loss; --persist-to is
                                  wrangler's local state folder (as for dev -- --persist-to)
  add-admin -e <email> -p <password> [-n <name>] [--local|--remote]
                                  create an admin user, or give an existing user the admin role
                                  (-p may be left out when APPFLARE_ADMIN_PASSWORD is set)

Options:
  -c, --config <file>             config file (default: ./appflare.config.ts)
  -h, --help                      show this help
  -v, --version                   print the version
`;
