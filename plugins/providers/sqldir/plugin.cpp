// The plugin's only job: export FolderProvider under the name "sqldir".
#include "folder_provider.hpp"

RETORT_PROVIDER_PLUGIN(sqldir::FolderProvider, "sqldir", "0.1.0")
