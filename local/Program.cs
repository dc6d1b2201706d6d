using Trygghetsuppfoljning.Local;

return await LocalCli.RunAsync(args);
