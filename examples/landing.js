// What a landing page does with a lead when it has no endpoint of its own configured:
// hand it to its own script (a CRM form, an analytics call). Here it is only logged.
document.getElementById('smi').addEventListener('smi:lead', (event) => {
  const { lead_id: id, lead, result } = event.detail;
  console.info('New lead', id, lead.email, result.category_name, result.investment, result.innovation);
});
