using MimeKit;

namespace Trygghetsuppfoljning.Workflows.Mail;

public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
